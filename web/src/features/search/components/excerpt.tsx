/** Shows an excerpt whose matched words the server put between « and », as <mark>: never as HTML. */
export function Excerpt({ text }: { text: string }) {
  const parts = text.split(/(«[^»]*»)/g).filter(Boolean);
  return (
    <p className="excerpt">
      {parts.map((part, i) =>
        part.startsWith('«') && part.endsWith('»') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <mark key={i}>{part.slice(1, -1)}</mark>
        ) : (
          part
        ),
      )}
    </p>
  );
}
