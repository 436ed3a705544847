-- Which meeting dates in the sources were inconsistent, and what was kept instead?
-- Grain: one row per conflicting date mention (document span).
with conflicts as (
    select * from date_conflicts
),

src_documents as (
    select id, name from documents
),

final as (
    select
        conflicts.id as conflict_id,
        conflicts.meeting_id,
        src_documents.name as document_name,
        conflicts.char_start,
        conflicts.char_end,
        conflicts.date_text,
        cast(conflicts.parsed_date as varchar(10)) as parsed_date,
        cast(conflicts.adopted_date as varchar(10)) as adopted_date,
        conflicts.reason,
        conflicts.resolution
    from conflicts
    inner join src_documents on src_documents.id = conflicts.document_id
)

select * from final
