// Routes live in the location hash (#/events?country=ARM), so that every view and its filters
// can be bookmarked and the server serves a single page.
export interface Route {
  /** #/articles/ID → ['articles', 'ID'] */
  path: string[];
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?', 2);
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

/** Goes to a view with these parameters (empty ones left out). */
export function go(view: string, params: Record<string, string | undefined> = {}): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const query = q.toString();
  location.hash = `#/${view}${query ? `?${query}` : ''}`;
}
