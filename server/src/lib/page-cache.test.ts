import { describe, expect, it } from 'vitest';
import { keptBytes, PageCache } from './page-cache';

const page = (json: string) => ({ stamp: '1', epoch: 0, body: keptBytes(json), extra: null });

describe('page cache', () => {
  it('keeps pages up to its size, dropping the least recently read first', () => {
    // Each page costs its JSON's length plus 512 for the entry: three of these fit in 2,000.
    let now = 0;
    const cache = new PageCache<null>(2000, 60_000, () => now);
    for (const key of ['a', 'b', 'c']) cache.set(key, page('x'.repeat(100)));
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(3 * 612);
    now = 500;
    cache.get('b'); // read within a second of being kept: its place in the order stays
    now = 1500;
    cache.get('a'); // read a second later: now the most recent
    cache.set('d', page('x'.repeat(100)));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.body.byteLength).toBe(100);
    expect(cache.get('c')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
    expect(cache.bytes).toBe(3 * 612);
  });

  it('replaces a page kept under the same key, and counts its size once', () => {
    const cache = new PageCache<null>(10_000);
    cache.set('a', page('x'.repeat(100)));
    cache.set('a', { ...page('y'.repeat(200)), stamp: '2' });
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(712);
    expect(cache.get('a')?.stamp).toBe('2');
    cache.delete('a');
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('drops a page nobody read for the idle time, and keeps one that is read', () => {
    let now = 0;
    const cache = new PageCache<null>(100_000, 60_000, () => now);
    cache.set('read', page('r'));
    cache.set('idle', page('i'));
    now = 50_000;
    expect(cache.get('read')).toBeDefined();
    now = 70_000;
    expect(cache.get('idle')).toBeUndefined();
    expect(cache.get('read')).toBeDefined();
    // Pages nobody asks for again go too, when later pages are kept.
    cache.set('other', page('o'));
    now = 200_000;
    cache.set('new', page('n'));
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(513);
  });

  it('keeps nothing when its size is zero, or a page larger than its size', () => {
    const none = new PageCache<null>(0);
    expect(none.enabled).toBe(false);
    none.set('a', page('x'));
    expect(none.size).toBe(0);
    const small = new PageCache<null>(1000);
    small.set('big', page('x'.repeat(1000)));
    expect(small.size).toBe(0);
  });

  it('keeps a page as UTF-8 in memory of its own, counted by its bytes', () => {
    const text = '{"name":"Zoë Müller – 東京"}';
    const bytes = keptBytes(text);
    expect(bytes.toString()).toBe(text);
    expect(bytes.byteLength).toBe(Buffer.byteLength(text));
    expect(bytes.byteLength).toBeGreaterThan(text.length);
    // Its own allocation, not a slice of Node's shared pool that would hold a whole slab alive.
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    expect(Buffer.from('short').buffer.byteLength).toBeGreaterThan(5);
    const cache = new PageCache<null>(10_000);
    cache.set('a', { stamp: '1', epoch: 0, body: bytes, extra: null });
    expect(cache.bytes).toBe(bytes.byteLength + 512);
  });
});
