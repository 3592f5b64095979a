// The last line: a part of the page that throws while drawing shows what happened instead of
// a blank page. The design lives in the stores, outside React, and stays autosaved; it can be
// downloaded from here, and "Try again" draws the page anew.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { downloadCurrentDesign } from './commands/drafts';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('SPOF Studio: the page stopped drawing', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert" data-testid="crash-message">
        <h1>Something went wrong while drawing the page</h1>
        <p className="crash-reason">{error.message || String(error)}</p>
        <p>Your design is not lost: it is kept in this browser. Download it, or try again.</p>
        <div className="banner-actions">
          <button type="button" className="btn" data-testid="crash-download" onClick={() => void downloadCurrentDesign()}>Download the design</button>
          <button type="button" className="btn" data-testid="crash-retry" onClick={() => this.setState({ error: null })}>Try again</button>
        </div>
      </div>
    );
  }
}
