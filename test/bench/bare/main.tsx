// The baseline for the cold-start ratio: a bare Vite + React page with what the roles list shows,
// a heading and a list of one card of the same shape, with its data in the code (no database).
// test/tools/bench-app.mjs builds it with a generateSW service worker, as the app is built.
import { createRoot } from 'react-dom/client';
import './bare.css';

const ROLES = [
  {
    id: 'serving',
    title: 'Senior MLOps Engineer, Serving',
    meta: 'Serving & reliability · Senior · $240,000–$310,000 base',
    mandate: 'Migrate model serving off Flask, improve autoscaling, and cut p99 latency.',
  },
];

function RolesList() {
  return (
    <main>
      <h1>Roles</h1>
      <ul className="card-list" aria-label="Roles">
        {ROLES.map((role) => (
          <li className="card" key={role.id}>
            <h3 className="card-title">{role.title}</h3>
            <p className="card-meta">{role.meta}</p>
            <p className="mandate">{role.mandate}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<RolesList />);

// Registered as soon as the page has loaded, as any PWA does; the runner waits until it controls the page.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js', { scope: '/' });
  });
}
