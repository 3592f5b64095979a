// Layout, fit view, what-if mode, and the kind of link a new connection makes.
import { FlaskConical, LayoutDashboard, Maximize, Repeat2, Search } from 'lucide-react';
import { focusFind } from '../canvas/FindBox';
import { fitDesign, fitWhole } from '../canvas/flowBridge';
import { FIT_PADDING } from '../canvas/zoomScale';
import { useAnalysis } from '../store/analysis';
import { useDocument } from '../store/document';
import { runAutoLayout } from '../store/layoutAction';
import { useSelection } from '../store/selection';
import { useUi } from '../store/ui';
import { key, mod, type Command } from './types';

const plain = (e: KeyboardEvent) => !mod(e) && !e.altKey;

export const layout: Command = {
  id: 'layout',
  label: 'Layout',
  icon: LayoutDashboard,
  shortcut: 'Shift+L',
  keyTest: (e) => plain(e) && e.shiftKey && key(e, 'l'),
  predicate: () => useDocument.getState().doc.components.length > 0,
  perform: async () => {
    await runAutoLayout(useDocument.getState().doc, layOutAgain);
    // Never zoomed in past 1: a small design is shown at its size, not blown up.
    requestAnimationFrame(() => fitDesign({ padding: FIT_PADDING, maxZoom: 1, duration: 200 }));
  },
};

/** The button under a layout that did not finish: the message goes, the Layout command runs again. */
export function layOutAgain(): void {
  useUi.getState().dismiss();
  void layout.perform();
}

export const fitView: Command = {
  id: 'fit-view',
  label: 'Fit view',
  icon: Maximize,
  shortcut: 'Shift+1',
  keyTest: (e) => plain(e) && e.shiftKey && (e.key === '!' || e.code === 'Digit1'),
  perform: () => fitWhole(),
};

export const find: Command = {
  id: 'find',
  label: 'Find',
  icon: Search,
  shortcut: 'Ctrl+F',
  keyTest: (e) => mod(e) && !e.shiftKey && !e.altKey && key(e, 'f'),
  perform: () => focusFind(),
};

export const whatIfToggle: Command = {
  id: 'what-if-toggle',
  label: 'What-if',
  icon: FlaskConical,
  shortcut: 'W',
  keyTest: (e) => plain(e) && !e.shiftKey && key(e, 'w'),
  perform: () => {
    const { whatIf, setWhatIfActive } = useAnalysis.getState();
    setWhatIfActive(!whatIf.active);
  },
};

export const toggleLinkMode: Command = {
  id: 'link-mode',
  label: 'New links: switch between dependency and replication',
  icon: Repeat2,
  shortcut: 'R',
  keyTest: (e) => plain(e) && !e.shiftKey && key(e, 'r'),
  perform: () => {
    const { linkMode, setLinkMode } = useSelection.getState();
    setLinkMode(linkMode === 'replication' ? 'dependency' : 'replication');
  },
};
