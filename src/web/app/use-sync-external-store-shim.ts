// Stands in for the `use-sync-external-store/shim` package (vite.config.ts), which react-i18next imports for
// React versions before 18: React 19 has the hook itself, and the shim's own copy would be JavaScript every
// visitor downloads for nothing.
export { useSyncExternalStore } from 'react';
