/** One titled section of the Settings page, a landmark the keyboard can reach. */
export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <section className="settings-section" aria-labelledby={`settings-${id}`} data-testid={`settings-${id}`}>
      <h2 id={`settings-${id}`}>{title}</h2>
      {description && <p className="muted settings-description">{description}</p>}
      {children}
    </section>
  );
}
