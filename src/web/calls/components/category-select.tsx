import { Select, Typography, type RefSelectProps } from 'antd';
import { useMemo, useRef, useState, type Ref } from 'react';
import { t } from '../../i18n/zh-CN';
import { otherCategory, searchCategories } from '../../../domain/calls/category-search';
import type { ServiceCategoryView as ServiceCategory } from '../../../domain/calls/reference.contract';

interface Props {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  categories: ServiceCategory[] | undefined;
  loading: boolean;
  selectRef?: Ref<RefSelectProps>;
  onPicked?: () => void;
  /** Words typed that match no category, chosen as 其他: the form keeps them (in the description). */
  onOtherWords?: (words: string) => void;
}

/** The option offered when nothing matches; never a category id. */
const OTHER_WORDS = '__other_words__';

interface Option {
  value: string;
  label: string;
  scope?: string | null;
  word?: string;
  other?: boolean;
}

/**
 * Searchable by label, everyday words, synonyms and pinyin initials, best match first (the domain's
 * searchCategories); each option says whose responsibility the item is (CALL-12). When nothing matches, the
 * first option is "其他：<typed words>", so Enter picks it and the words are kept instead of lost. While the list
 * is still loading there are no options at all (加载中…): words typed that early stay in the box and are matched
 * when the list arrives, instead of being judged "no match" against an empty list.
 */
export function CategorySelect({ id, value, onChange, categories, loading, selectRef, onPicked, onOtherWords }: Props) {
  const [search, setSearchState] = useState('');
  // The latest typed text, also for a blur that follows a pick within the same tick.
  const typed = useRef('');
  const setSearch = (s: string) => {
    typed.current = s;
    setSearchState(s);
  };
  const options = useMemo<Option[]>(() => {
    // Not loaded yet: nothing can be judged "no match", so no "其他" either — Enter waits for the real list.
    if (!categories) return [];
    const matches = searchCategories(search, categories);
    const words = search.trim();
    if (words && !matches.length) return [{ value: OTHER_WORDS, label: t('intake.categoryOther', { words }), scope: t('intake.categoryOtherHint'), other: true }];
    return matches.map((m) => ({ value: m.category.id, label: m.category.label, scope: m.category.scopeNote, word: m.word }));
  }, [search, categories]);

  return (
    <Select<string, Option>
      id={id}
      ref={selectRef}
      value={value}
      allowClear
      loading={loading}
      notFoundContent={categories ? undefined : t('app.loading')}
      placeholder={t('intake.categoryPlaceholder')}
      aria-label={t('intake.category')}
      showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
      defaultActiveFirstOption
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 560 } } }}
      onBlur={() => {
        // Leaving with words that match nothing still keeps them (in the description), never drops them.
        const words = typed.current.trim();
        if (words && !searchCategories(words, categories ?? []).length) onOtherWords?.(words);
        setSearch('');
      }}
      onChange={(v) => {
        const words = typed.current.trim();
        setSearch('');
        if (v === OTHER_WORDS) {
          onChange?.(otherCategory(categories ?? [])?.id);
          onOtherWords?.(words);
          onPicked?.();
          return;
        }
        onChange?.(v);
        if (v) onPicked?.();
      }}
      options={options}
      optionRender={(o) => (
        <div data-testid={o.data.other ? 'category-other' : undefined}>
          <div>
            {o.data.label}
            {o.data.word && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                {t('intake.categoryMatched', { word: o.data.word })}
              </Typography.Text>
            )}
          </div>
          {o.data.scope && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
              {String(o.data.scope)}
            </Typography.Text>
          )}
        </div>
      )}
    />
  );
}
