-- Who met whom, when and where? One line per meeting with its participants.
-- Grain: one row per meeting, newest first.
-- Order: start_date descending; meetings without a date come last (nulls last, so
-- SQLite and PostgreSQL agree).
with meetings as (
    select * from v_meetings
),

participants as (
    select * from v_participants
),

participant_counts as (
    select meeting_id, count(*) as participant_count
    from participants
    group by meeting_id
),

final as (
    select
        meetings.meeting_id,
        meetings.start_date,
        meetings.end_date,
        meetings.kind,
        meetings.status,
        meetings.city,
        meetings.country,
        meetings.venue,
        meetings.title,
        coalesce(participant_counts.participant_count, 0) as participant_count,
        meetings.source_count
    from meetings
    left join participant_counts on participant_counts.meeting_id = meetings.meeting_id
)

select * from final
order by start_date desc nulls last, meeting_id
