#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` produces dist/.
import('../dist/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    console.error('doimoi: not built yet — run `npm run build` first / chưa build — hãy chạy `npm run build`');
    process.exit(1);
  }
  throw error;
});
