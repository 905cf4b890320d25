import { useEffect, useRef, useState, type Key, type ReactNode } from 'react';

/**
 * How many cards a long list shows at first and adds per "Show more". A page of cards of uneven
 * height fills a 768×1024 tablet screen several times over, and rendering it stays well inside a
 * frame budget at any list length; windowing would need every card's height before it is drawn,
 * and moves focus and find-in-page out from under keyboard and screen-reader users.
 */
export const LIST_PAGE_SIZE = 50;

/**
 * "3,000": digits grouped as en-US does, by hand because a page's first `Intl.NumberFormat` loads
 * the locale data (30–45 ms of the main thread in Chromium) and the roles list shows a count.
 */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 candidate", "3,000 candidates". */
function amount(n: number, noun: { one: string; other: string }): string {
  return `${groupDigits(n)} ${n === 1 ? noun.one : noun.other}`;
}

export type Paging = { limit: number; pageSize: number; showMore: () => void };

/**
 * How many of a list's items to show: a page, then a page more at each "Show more". Whenever
 * `resetKey` changes (a new filter), it starts again from the first page, also when a filter
 * used earlier comes back.
 */
export function usePaging(resetKey = '', pageSize = LIST_PAGE_SIZE): Paging {
  const [paging, setPaging] = useState({ resetKey, limit: pageSize });
  if (paging.resetKey !== resetKey) setPaging({ resetKey, limit: pageSize });
  const limit = paging.resetKey === resetKey ? paging.limit : pageSize;
  return { limit, pageSize, showMore: () => setPaging({ resetKey, limit: limit + pageSize }) };
}

export type PagedListProps<T> = {
  /** The items to list: all of them, or (when `total` is given) the first `paging.limit` read so far. */
  items: readonly T[];
  /** How many there are in all, when `items` holds only those read so far. */
  total?: number;
  paging: Paging;
  /** The list's accessible name. */
  label: string;
  noun: { one: string; other: string };
  itemKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
};

/**
 * A list of cards shown a page at a time: the count of everything in it ("Showing 50 of 3,000
 * candidates"), then a "Show more" button that reveals the next page and moves focus to the first
 * card it revealed, so a keyboard user carries on from where they were.
 */
export function PagedList<T>({ items, total = items.length, paging, label, noun, itemKey, renderItem }: PagedListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const focusAt = useRef<number | null>(null);
  const shown = items.slice(0, paging.limit);

  // Once the revealed cards are in the page (at once, or when a repository has read them).
  useEffect(() => {
    const index = focusAt.current;
    if (index === null || index >= shown.length) return;
    focusAt.current = null;
    const item = listRef.current?.children[index];
    if (!(item instanceof HTMLElement)) return;
    const target = item.querySelector<HTMLElement>('a[href], button:not([disabled]), input, select, textarea');
    if (target) target.focus();
    else {
      item.tabIndex = -1;
      item.focus();
    }
  }, [shown.length]);

  const next = Math.min(paging.pageSize, total - shown.length);
  const showMore = () => {
    focusAt.current = shown.length;
    paging.showMore();
  };

  return (
    <div className="paged-list">
      <p className="list-count" aria-live="polite">
        {shown.length < total ? `Showing ${groupDigits(shown.length)} of ${amount(total, noun)}` : amount(total, noun)}
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
          Show {groupDigits(next)} more {next === 1 ? noun.one : noun.other}
        </button>
      )}
    </div>
  );
}
