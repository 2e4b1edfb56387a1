import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` when the page allows it, and probes for that by trying
 * once. The page's content security policy allows no eval (see server/src/web-app.ts), and the browser
 * reports even the probe as a violation. Jitless, zod parses without compiling and never probes. Imported
 * first by main.tsx, before any schema parses.
 */
z.config({ jitless: true });
