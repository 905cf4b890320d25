import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { PagedList, type Paging } from '../../src/components/paged-list';

const NOUN = { one: 'candidate', other: 'candidates' };
const paging = (limit: number): Paging => ({ limit, pageSize: 50, showMore: () => undefined });

function list(total: number, limit: number) {
  const items = Array.from({ length: Math.min(total, limit) }, (_, i) => i);
  return render(<PagedList items={items} total={total} paging={paging(limit)} label="Candidates" noun={NOUN} itemKey={(i) => i} renderItem={(i) => `Candidate ${i}`} />);
}

describe('a paged list', () => {
  it('counts with thousands grouped as en-US writes them', () => {
    list(1_234_567, 1_000);
    expect(screen.getByText('Showing 1,000 of 1,234,567 candidates')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show 50 more candidates' })).toBeInTheDocument();
  });

  it('says one in the singular and a whole list without "Showing"', () => {
    const { unmount } = list(1, 50);
    expect(screen.getByText('1 candidate')).toBeInTheDocument();
    unmount();
    list(999, 999);
    expect(screen.getByText('999 candidates')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Show/ })).not.toBeInTheDocument();
  });
});
