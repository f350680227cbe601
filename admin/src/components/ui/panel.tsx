import type { ReactNode } from 'react';

/** A titled box (lighter than antd's Card, which brings Tabs along): for the first screens. */
export function Panel({
  title,
  extra,
  children,
  testId,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="panel" data-testid={testId}>
      <header className="panel-head">
        <h2>{title}</h2>
        {extra ? <div>{extra}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
