import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

/** The search box in the top bar: Enter opens the results page, which keeps the query in its URL. */
export function SearchBox() {
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const navigate = useNavigate();
  return (
    <search className="topbar-search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`);
        }}
      >
        <label htmlFor="global-search" className="visually-hidden">
          Search cases
        </label>
        <input
          id="global-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Search reference, identifier, text…"
          autoComplete="off"
        />
      </form>
    </search>
  );
}
