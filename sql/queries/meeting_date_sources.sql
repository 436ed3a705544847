-- How is each meeting's date known: from the source's own words, an earlier
-- sentence, its dateline, or the reference calendar of known meetings?
-- Grain: one row per meeting mention (document span), by meeting.
with meetings as (
    select * from v_meetings
),

mentions as (
    select * from meeting_mentions
),

src_documents as (
    select id, name from documents
),

final as (
    select
        meetings.meeting_id,
        meetings.title,
        meetings.start_date,
        src_documents.name as document_name,
        mentions.char_start,
        mentions.char_end,
        mentions.reported_status,
        cast(mentions.reported_date as varchar(10)) as reported_date,
        mentions.date_text,
        coalesce(mentions.date_source, 'none') as date_source
    from mentions
    inner join meetings on meetings.meeting_id = mentions.meeting_id
    inner join src_documents on src_documents.id = mentions.document_id
)

select * from final
order by meeting_id, document_name, char_start
