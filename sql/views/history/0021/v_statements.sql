-- Who said what, where: transcript turns, direct quotes and reported speech.
-- Grain: one row per statement (one span of one document).
-- confidence: how likely the statement and its speaker are right (0-1; null until
-- the end of the run).
with src_statements as (
    select * from statements
),

src_persons as (
    select * from persons
),

src_documents as (
    select id, name from documents
),

final as (
    select
        src_statements.id as statement_id,
        src_statements.meeting_id,
        src_statements.speaker_id,
        src_persons.canonical_name as speaker_name,
        src_statements.speaker_label,
        src_statements.kind,
        src_statements.text,
        src_statements.via_interpreter,
        src_statements.language,
        src_statements.turn_index,
        src_documents.name as document_name,
        src_statements.char_start,
        src_statements.char_end,
        src_statements.confidence
    from src_statements
    inner join src_documents on src_documents.id = src_statements.document_id
    left join src_persons on src_persons.id = src_statements.speaker_id
)

select * from final
