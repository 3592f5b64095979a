// What the documents features draw over the page: the Mermaid drawer and the file-drop
// overlay; it also opens a share link pasted into the address bar of an open tab.
import { useEffect } from 'react';
import { openSharedLink } from '../../commands/share';
import { DraftsDrawer } from './DraftsToggle';
import { DropOverlay } from './DropOverlay';
import { MermaidDrawer } from './MermaidDrawer';
import './documents.css';

export function DocumentsLayer() {
  useEffect(() => {
    // Changing only the hash does not reload the page: open the new link here.
    const onHash = () => void openSharedLink(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <>
      <MermaidDrawer />
      <DropOverlay />
      <DraftsDrawer />
    </>
  );
}
