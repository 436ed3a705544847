-- Who met whom, when, where and how: the merged meetings with their number of sources.
-- Grain: one row per real-world meeting (mentions from all documents merged).
with src_meetings as (
    select * from meetings
),

mentions as (
    select * from meeting_mentions
),

sources as (
    select meeting_id, count(distinct document_id) as source_count
    from mentions
    group by meeting_id
),

final as (
    select
        src_meetings.id as meeting_id,
        src_meetings.title,
        src_meetings.kind,
        src_meetings.status,
        cast(src_meetings.start_date as varchar(10)) as start_date,
        cast(src_meetings.end_date as varchar(10)) as end_date,
        src_meetings.city,
        src_meetings.country,
        src_meetings.venue,
        coalesce(sources.source_count, 0) as source_count
    from src_meetings
    left join sources on sources.meeting_id = src_meetings.id
)

select * from final
