-- Who met whom, when, where and how: the merged meetings with their number of sources.
-- Grain: one row per real-world meeting (mentions from all documents merged).
-- date_source: where its day is known from, the strongest of the mentions that
-- report that day: the text itself, an earlier sentence (context), the
-- dateline, or the reference calendar of known meetings; null without a day.
-- confidence: how likely the meeting took place between these people (0-1, from
-- its evidence: sources, their kind and agreement; null until the end of the run).
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

dated_by as (
    select
        mentions.meeting_id,
        min(
            case mentions.date_source
                when 'text' then 1
                when 'context' then 2
                when 'dateline' then 3
                when 'calendar' then 4
            end
        ) as source_rank
    from mentions
    inner join src_meetings on src_meetings.id = mentions.meeting_id
    where mentions.reported_date = src_meetings.start_date
    group by mentions.meeting_id
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
        coalesce(sources.source_count, 0) as source_count,
        case dated_by.source_rank
            when 1 then 'text'
            when 2 then 'context'
            when 3 then 'dateline'
            when 4 then 'calendar'
        end as date_source,
        src_meetings.confidence
    from src_meetings
    left join sources on sources.meeting_id = src_meetings.id
    left join dated_by on dated_by.meeting_id = src_meetings.id
)

select * from final
