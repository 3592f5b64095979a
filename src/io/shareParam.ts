// The share link's hash parameter, `#topology=...`, apart from the codec (shareLink.ts) so
// that the page can tell a link from any other hash without loading the decompressor.
export const SHARE_PARAM = 'topology';
