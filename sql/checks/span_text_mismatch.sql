-- Rule: a statement or date conflict stores exactly the text its span covers.
-- Grain: one row per statement or date conflict whose text differs. (Person
-- mentions keep an audit copy of their words and are left out: substr walks the
-- text from its start, and they are the most numerous spans of a long document.)
-- Scope: the documents written by the run given as run_id; every document without one.
with src_documents as (
    select id, text from documents
),

in_scope as (
    select id from documents
    where cast(:run_id as integer) is null or run_id = cast(:run_id as integer)
),

quoted as (
    select 'statements' as source_table, id, document_id, char_start, char_end, text as quoted_text
    from statements
    where document_id in (select id from in_scope)
    union all
    select 'date_conflicts', id, document_id, char_start, char_end, date_text
    from date_conflicts
    where document_id in (select id from in_scope)
),

final as (
    select quoted.source_table, quoted.id, quoted.document_id, quoted.quoted_text
    from quoted
    inner join src_documents on src_documents.id = quoted.document_id
    where substr(src_documents.text, quoted.char_start + 1, quoted.char_end - quoted.char_start)
        <> quoted.quoted_text
)

select * from final
order by source_table, id
