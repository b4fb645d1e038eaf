// The only script index.html names. The page the server rendered (or the brand) is drawn first, with the
// network to itself: the app's scripts (listed by the build in <meta name="doimoi:app">, the entry first)
// are asked for once it is on the screen, not alongside the style sheet it waits for. Where no frame is
// drawn (a tab opened in the background), the timer starts the app.
let started = false;
const start = () => {
  if (started) return;
  started = true;
  // Vite's dev server serves the sources, with no build to list them (the branch is not in the build).
  if (import.meta.env.DEV) return void import('./main.js');
  const [entry, ...imports] = document.querySelector<HTMLMetaElement>('meta[name="doimoi:app"]')?.content.split(' ') ?? [];
  for (const href of imports) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));
  if (entry) document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: entry }));
};
requestAnimationFrame(() => setTimeout(start));
setTimeout(start, 1000);
