// Development: the API server (restarted on change) on :3000 and Vite's dev server with hot reload
// on :5173, which forwards /api to the API server. Open http://localhost:5173.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'src/cli/main.ts', 'serve', '--seed-demo'], {
    stdio: 'inherit',
    env: { PORT: '3000', LOG_LEVEL: 'info', ...process.env },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
];

const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
for (const child of children) child.on('exit', (code) => { stopAll(); process.exitCode = code ?? 0; });
