// @ts-check
// The one inline script of every page, public and dashboard alike: it applies the reader's
// chosen colour theme (see lib/theme) to <html> before the first paint, so a cached page
// never flashes the wrong scheme. "System" needs no script: the CSS follows the OS.
// The text must stay byte-identical on every page: a Content-Security-Policy allows it by its hash.
// No `server-only`: the text is a constant; the toggle's client code shares the key.

/** Where the choice is kept in this browser ("light" or "dark"; absent means "system"). */
export const THEME_STORAGE_KEY = 'broadsheet:theme';

/** The source of the inline script in <head>. Keep it tiny and free of any per-request value. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}`;
