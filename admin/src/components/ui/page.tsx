import type { ReactNode } from 'react';

/** A screen: its title (the page's h1), actions on the right, then the content. */
export function Page({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="page">
      <header className="page-head">
        <h1>{title}</h1>
        {extra ? <div className="page-extra">{extra}</div> : null}
      </header>
      {children}
    </section>
  );
}
