// The error and notice banners: what went wrong, naming each problem's path.
import { AlertTriangle, Info, X } from 'lucide-react';
import { useUi } from '../store/ui';

export function Messages() {
  const error = useUi((s) => s.error);
  const notice = useUi((s) => s.notice);
  const dismiss = useUi((s) => s.dismiss);
  const message = error ?? notice;
  if (!message) return null;
  const isError = error !== null;
  const Icon = isError ? AlertTriangle : Info;
  return (
    <div className={`banner ${isError ? 'banner-error' : 'banner-notice'}`} role={isError ? 'alert' : 'status'} data-testid={isError ? 'error-message' : 'notice-message'}>
      <Icon size={18} aria-hidden className="banner-icon" />
      <div className="banner-body">
        <div className="banner-title">{message.title}</div>
        {message.details.length > 0 && (
          <ul className="banner-details">
            {message.details.slice(0, 8).map((d) => <li key={d}>{d}</li>)}
            {message.details.length > 8 && <li>…and {message.details.length - 8} more</li>}
          </ul>
        )}
        {message.actions && message.actions.length > 0 && (
          <div className="banner-actions">
            {message.actions.map((a) => (
              <button key={a.label} type="button" className="btn btn-small" data-testid={a.testId} onClick={a.run}>{a.label}</button>
            ))}
          </div>
        )}
      </div>
      <button type="button" className="btn btn-icon btn-ghost" aria-label="Dismiss" onClick={dismiss}><X size={16} /></button>
    </div>
  );
}
