// The islands' script as the server serves it (lib/islands/bundle.mjs): runs once the page is parsed.
import { startIslands } from './index';

startIslands();
