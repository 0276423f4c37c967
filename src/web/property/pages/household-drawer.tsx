import { Alert, Descriptions, Drawer, Grid, Skeleton, Tabs } from 'antd';
import { useNavigate, useLocation, useParams } from 'react-router';
import { ErrorResult } from '../../components/error-result';
import { t } from '../../i18n/zh-CN';
import { useHousehold, type Household } from '../api';
import { HouseholdEditButton } from '../components/household-edit-button';
import { PersonTable } from '../components/person-table';
import { HistoryTable, RenovationTable, VehicleTable } from '../components/household-file';

function details(h: Household) {
  return [
    { key: 'project', label: t('household.project'), children: h.projectName },
    { key: 'district', label: t('household.district'), children: h.districtName },
    { key: 'building', label: t('household.building'), children: h.buildingName },
    { key: 'unit', label: t('household.unit'), children: h.unitCode },
    { key: 'floor', label: t('household.floor'), children: h.floor },
    { key: 'area', label: t('household.area'), children: h.areaM2 == null ? '—' : `${h.areaM2} ㎡` },
    { key: 'handover', label: t('household.handover'), children: h.handoverDate ?? '—' },
    { key: 'movedIn', label: t('household.movedIn'), children: h.movedInAt ?? '—' },
    { key: 'movedOut', label: t('household.movedOut'), children: h.movedOutAt ?? '—' },
    { key: 'note', label: t('household.note'), span: 'filled' as const, children: h.note || '—' },
  ];
}

/** /register/households/:id — one household over the register; closing returns to the same list. */
export function HouseholdDrawer() {
  const { id } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const close = () => navigate({ pathname: '/register', search });
  const h = household.data;
  const screens = Grid.useBreakpoint();

  return (
    <Drawer open size={screens.md ? 820 : '100%'} onClose={close} title={h ? t('household.title', { code: h.unitCode }) : t('app.loading')} destroyOnHidden>
      {household.isPending && <Skeleton active />}
      {household.isError && <ErrorResult error={household.error} onRetry={() => void household.refetch()} />}
      {h && (
        <div key={h.id}>
          <Descriptions size="small" bordered column={screens.md ? 2 : 1} items={details(h)} />
          {h.abilities.update && <HouseholdEditButton household={h} />}
          <Tabs
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'persons',
                label: `${t('household.tab.persons')} (${h.persons.length})`,
                children: (
                  <>
                    <Alert type="info" showIcon title={t('household.maskedHint')} style={{ marginBottom: 12 }} />
                    <PersonTable persons={h.persons} canReveal={h.abilities.revealContact} householdId={h.id} canEdit={h.abilities.update} />
                  </>
                ),
              },
              { key: 'vehicles', label: `${t('household.tab.vehicles')} (${h.vehicles.length})`, children: <VehicleTable household={h} /> },
              { key: 'renovations', label: `${t('household.tab.renovations')} (${h.renovations.length})`, children: <RenovationTable household={h} /> },
              { key: 'history', label: t('household.tab.history'), children: <HistoryTable householdId={h.id} /> },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
