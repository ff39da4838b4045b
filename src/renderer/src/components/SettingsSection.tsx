// One titled block inside a settings tab, with an optional line explaining it.
import type { ReactNode } from 'react';

export function SettingsSection({ title, description, children }: { title: ReactNode; description?: ReactNode; children: ReactNode }) {
  return (
    <section className="settings-section">
      <div className="settings-section-head">
        <h3 className="settings-section-title">{title}</h3>
        {description && <div className="settings-section-description">{description}</div>}
      </div>
      {children}
    </section>
  );
}
