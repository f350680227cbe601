import { findingSeverity, findingSource, problemCategory } from '@jiandu/shared';
import { Button, Card, Descriptions } from 'antd';
import { Link, useParams } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { EvidenceFiles } from '../../../components/evidence-files.js';
import { Amount } from '../../../components/ui/amount.js';
import { EventTimeline } from '../../../components/ui/event-timeline.js';
import { Page } from '../../../components/ui/page.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useFinding } from '../api/findings.js';

export function FindingDetail() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const q = useFinding(id);
  const units = useUnits();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const f = q.data;
  const inspector = f.inspectorName ?? t('rect.unknownUser');
  return (
    <Page
      title={t('findings.title')}
      extra={
        <Link to="/findings">
          <Button>{t('common.back')}</Button>
        </Link>
      }
    >
      <Card data-testid="finding-detail">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'unit', label: t('common.unit'), children: units.name(f.unitId) },
            { key: 'cat', label: t('common.category'), children: label(problemCategory, f.category) },
            { key: 'sev', label: t('common.severity'), children: label(findingSeverity, f.severity) },
            { key: 'src', label: t('common.source'), children: label(findingSource, f.source) },
            {
              key: 'amt',
              label: t('common.amount'),
              children: <Amount fen={f.amountFen} />,
            },
            { key: 'date', label: t('findings.discoveredOn'), children: f.discoveredOn },
            { key: 'at', label: t('findings.createdAt'), children: fmtInstant(f.createdAt) },
            { key: 'by', label: t('findings.inspector'), children: inspector },
            {
              key: 'rect',
              label: t('findings.rectification'),
              children: f.rectificationId ? (
                <Link to={`/rectifications/${f.rectificationId}`} data-testid="finding-rectification">
                  {f.rectificationTitle ?? t('findings.openRectification')}
                </Link>
              ) : (
                t('common.none')
              ),
            },
            { key: 'desc', label: t('common.description'), children: f.description, span: 'filled' },
          ]}
        />
      </Card>
      <Card title={t('findings.photos')} size="small" style={{ marginTop: 12 }}>
        <EvidenceFiles
          files={f.photos ?? []}
          pathOf={(photoId) => `/findings/${encodeURIComponent(f.id)}/photos/${encodeURIComponent(photoId)}`}
          who={() => inspector}
          testId="finding-photos"
        />
      </Card>
      <Card title={t('common.history')} style={{ marginTop: 12 }}>
        <EventTimeline collection="findings" id={f.id} />
      </Card>
    </Page>
  );
}
