import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { staticShellMarkup } from '../../src/app/static-shell';
import { Shell, navSection } from '../../src/app/shell';

describe('the frame written into index.html at build time', () => {
  it('has the skip link, the brand, the six main links with none current, and an empty main', () => {
    document.body.innerHTML = `<div id="root">${staticShellMarkup()}</div>`;
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('link', { name: 'Loopcard home' })).toHaveAttribute('href', '/roles');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Roles', '/roles'],
      ['Candidates', '/candidates'],
      ['Rubrics', '/rubrics'],
      ['Debrief', '/debrief'],
      ['Insights', '/insights'],
      ['Data', '/data'],
    ]);
    expect(nav.querySelector('[aria-current]')).toBeNull();
    expect(screen.getByRole('main')).toBeEmptyDOMElement();
  });

  it('is the markup the app renders itself, so its first render draws the same header in the same place', () => {
    const { container } = render(
      <Router hook={memoryLocation({ path: '/' }).hook}>
        <Shell />
      </Router>,
    );
    expect(container.innerHTML).toBe(staticShellMarkup());
  });
});

describe('the current section', () => {
  it('marks the link a screen belongs to, a debrief under Debrief', () => {
    expect(navSection('/roles')).toBe('/roles');
    expect(navSection('/roles/r1/edit')).toBe('/roles');
    expect(navSection('/candidates/c1')).toBe('/candidates');
    expect(navSection('/candidates/c1/debrief')).toBe('/debrief');
    expect(navSection('/debrief/due')).toBe('/debrief');
    expect(navSection('/')).toBeUndefined();
    expect(navSection('/rolesx')).toBeUndefined();
  });
});
