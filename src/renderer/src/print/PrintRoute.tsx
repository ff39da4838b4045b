// Shows the print preview when the address names a print document (`#/print/…` or the host's `/print/…`),
// else the application shell. The preview's code loads only when a document is opened.
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Spin } from 'antd';
import { currentPrintLocation } from './print-location';

const PrintApp = lazy(() => import('./PrintApp').then((m) => ({ default: m.PrintApp })));

export function PrintRoute({ fallback }: { fallback: ReactNode }) {
  const [location, setLocation] = useState(currentPrintLocation);
  useEffect(() => {
    const onChange = () => setLocation(currentPrintLocation());
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  if (!location) return <>{fallback}</>;
  return (
    <Suspense fallback={<Spin size="large" className="full-center" />}>
      <PrintApp key={`${location.doc}?${location.params.toString()}`} location={location} />
    </Suspense>
  );
}
