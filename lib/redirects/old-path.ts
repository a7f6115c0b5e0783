// The one form an old site's address is stored and looked up in, so that `/2019/03/story/`,
// `/2019/03/story` and `/2019/03/%D1%81%D1%82/` find the same redirect: the path decoded, without
// its trailing slash, and of the query only the parameter that named the item on the old site
// (WordPress `?p=12`, `?page_id=3`, `?cat=4`, `?tag=x`, `?author=2`, `?attachment_id=9`).
// Pure: the proxy and the import both use it.

const ID_PARAMS = ['p', 'page_id', 'cat', 'tag', 'author', 'attachment_id'] as const;

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** The lookup key of an old address (path with optional query), or null when it names nothing a redirect could hold. */
export function oldPathKey(pathname: string, search = ''): string | null {
  let path = decodePath(pathname).replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/index.php') path = '/';
  const params = new URLSearchParams(search);
  for (const name of ID_PARAMS) {
    const value = params.get(name);
    if (value) return `${path}?${name}=${value}`;
  }
  if (path === '/' || !path.startsWith('/') || path.length > 1000) return null;
  return path;
}

/** The key of an address as the import has it (`/2019/03/story/`, `/?p=12`). */
export function oldPathKeyOf(address: string): string | null {
  const q = address.indexOf('?');
  return q < 0 ? oldPathKey(address) : oldPathKey(address.slice(0, q), address.slice(q));
}
