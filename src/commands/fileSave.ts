// Saving a file (browser-fs-access), loaded with the first save rather than with the page.
// The save dialog needs the click's user activation, which lasts a few seconds: the module
// is also fetched when the page is first idle (src/lazyChunks.ts), so a save opens at once.
import type { fileSave as fileSaveOf } from 'browser-fs-access';
import { prefetchWhenIdle } from '../lazyChunks';

const loadFileSave = () => import('browser-fs-access');
prefetchWhenIdle(loadFileSave);

export const fileSave: typeof fileSaveOf = async (...args) => (await loadFileSave()).fileSave(...args);
