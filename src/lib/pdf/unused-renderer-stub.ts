// jsPDF loads html2canvas, DOMPurify and canvg on demand for its html() and addSvg() features.
// Loopcard draws text and tables only, so these resolve to this empty module instead of shipping
// (and precaching) about a megabyte that is never run.
const unused = {};
export default unused;
