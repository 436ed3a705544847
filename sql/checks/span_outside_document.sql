-- Rule: every evidence span lies inside the text of its document.
-- Grain: one row per violating span (any table that carries provenance).
with src_documents as materialized (
    -- each document's length once, not once per span
    select id, length(text) as text_length from documents
),

spans as (
    select 'statements' as source_table, id, document_id, char_start, char_end from statements
    union all
    select 'meeting_mentions', id, document_id, char_start, char_end from meeting_mentions
    union all
    select 'meeting_participants', id, document_id, char_start, char_end
    from meeting_participants
    union all
    select 'outcome_mentions', id, document_id, char_start, char_end from outcome_mentions
    union all
    select 'person_mentions', id, document_id, char_start, char_end from person_mentions
    union all
    select 'date_conflicts', id, document_id, char_start, char_end from date_conflicts
),

final as (
    select spans.source_table, spans.id, spans.document_id, spans.char_start, spans.char_end
    from spans
    left join src_documents on src_documents.id = spans.document_id
    where src_documents.text_length is null
        or spans.char_start < 0
        or spans.char_end < spans.char_start
        or spans.char_end > src_documents.text_length
)

select * from final
order by source_table, id
