-- What did each meeting agree on or discuss?
-- Grain: one row per outcome, grouped by meeting.
-- Order: newest meeting first; meetings without a date come last (nulls last).
with outcomes as (
    select * from v_outcomes
),

meetings as (
    select meeting_id, start_date, city, title from v_meetings
),

final as (
    select
        meetings.start_date,
        meetings.city,
        meetings.title as meeting,
        outcomes.category,
        outcomes.status,
        outcomes.topic,
        outcomes.description,
        outcomes.source_count
    from outcomes
    inner join meetings on meetings.meeting_id = outcomes.meeting_id
)

select * from final
order by start_date desc nulls last, meeting, category, description
