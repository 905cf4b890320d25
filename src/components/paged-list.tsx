import { useEffect, useRef, useState, type Key, type ReactNode } from 'react';

/**
 * How many cards a long list shows at first and adds per "Show more". A page of cards of uneven
 * height fills a 768×1024 tablet screen several times over, and rendering it stays well inside a
 * frame budget at any list length; windowing would need every card's height before it is drawn,
 * and moves focus and find-in-page out from under keyboard and screen-reader users.
 */
export const LIST_PAGE_SIZE = 50;

const count = new Intl.NumberFormat('en');

/** "1 candidate", "3,000 candidates". */
function amount(n: number, noun: { one: string; other: string }): string {
  return `${count.format(n)} ${n === 1 ? noun.one : noun.other}`;
}

export type PagedListProps<T> = {
  items: readonly T[];
  /** The list's accessible name. */
  label: string;
  noun: { one: string; other: string };
  itemKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  /** Whenever this changes (a new filter), the list starts again from its first page. */
  resetKey?: string;
  pageSize?: number;
};

/**
 * A list of cards shown a page at a time: the count of everything in it ("Showing 50 of 3,000
 * candidates"), then a "Show more" button that reveals the next page and moves focus to the first
 * card it revealed, so a keyboard user carries on from where they were.
 */
export function PagedList<T>({ items, label, noun, itemKey, renderItem, resetKey = '', pageSize = LIST_PAGE_SIZE }: PagedListProps<T>) {
  const [paging, setPaging] = useState({ resetKey, limit: pageSize });
  // A new filter starts from the first page (stored, so going back to an earlier filter does too).
  if (paging.resetKey !== resetKey) setPaging({ resetKey, limit: pageSize });
  const limit = paging.resetKey === resetKey ? paging.limit : pageSize;
  const listRef = useRef<HTMLUListElement>(null);
  const focusAt = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAt.current;
    if (index === null) return;
    focusAt.current = null;
    const item = listRef.current?.children[index];
    if (!(item instanceof HTMLElement)) return;
    const target = item.querySelector<HTMLElement>('a[href], button:not([disabled]), input, select, textarea');
    if (target) target.focus();
    else {
      item.tabIndex = -1;
      item.focus();
    }
  }, [limit]);

  const shown = items.slice(0, limit);
  const next = Math.min(pageSize, items.length - shown.length);
  const showMore = () => {
    focusAt.current = shown.length;
    setPaging({ resetKey, limit: limit + pageSize });
  };

  return (
    <div className="paged-list">
      <p className="list-count" aria-live="polite">
        {shown.length < items.length ? `Showing ${count.format(shown.length)} of ${amount(items.length, noun)}` : amount(items.length, noun)}
      </p>
      <ul ref={listRef} className="card-list" aria-label={label}>
        {shown.map((item) => (
          <li key={itemKey(item)} className="card">
            {renderItem(item)}
          </li>
        ))}
      </ul>
      {next > 0 && (
        <button type="button" className="button button-secondary show-more" onClick={showMore}>
          Show {count.format(next)} more {next === 1 ? noun.one : noun.other}
        </button>
      )}
    </div>
  );
}
