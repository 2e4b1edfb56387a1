interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

interface LoadMoreProps {
  query: PagedQuery;
  /** How many rows are shown so far. */
  count: number;
  /** The singular name of a row, e.g. "complaint"; an "s" is added for other counts. */
  noun: string;
}

/** The foot of a paged queue: a button for the next page, or the count once everything is shown. */
export function LoadMore({ query, count, noun }: LoadMoreProps) {
  if (query.hasNextPage) {
    return (
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      </div>
    );
  }
  if (count === 0) return null;
  return (
    <p className="muted small">
      {count} {noun}
      {count === 1 ? '' : 's'}
    </p>
  );
}
