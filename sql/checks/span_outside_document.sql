-- Rule: every evidence span lies inside the text of its document.
-- Grain: one row per violating span (any table that carries provenance).
-- Scope: the documents written by the run given as run_id; every document without one.
with in_scope as (
    select id, text_length from documents
    where cast(:run_id as integer) is null or run_id = cast(:run_id as integer)
),

spans as (
    select 'statements' as source_table, id, document_id, char_start, char_end from statements
    where document_id in (select id from in_scope)
    union all
    select 'meeting_mentions', id, document_id, char_start, char_end from meeting_mentions
    where document_id in (select id from in_scope)
    union all
    select 'meeting_participants', id, document_id, char_start, char_end
    from meeting_participants
    where document_id in (select id from in_scope)
    union all
    select 'outcome_mentions', id, document_id, char_start, char_end from outcome_mentions
    where document_id in (select id from in_scope)
    union all
    select 'person_mentions', id, document_id, char_start, char_end from person_mentions
    where document_id in (select id from in_scope)
    union all
    select 'date_conflicts', id, document_id, char_start, char_end from date_conflicts
    where document_id in (select id from in_scope)
),

final as (
    select spans.source_table, spans.id, spans.document_id, spans.char_start, spans.char_end
    from spans
    inner join in_scope on in_scope.id = spans.document_id
    where in_scope.text_length is null
        or spans.char_start < 0
        or spans.char_end < spans.char_start
        or spans.char_end > in_scope.text_length
)

select * from final
order by source_table, id
