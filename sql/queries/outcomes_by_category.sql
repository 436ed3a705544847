-- Which outcomes fall in a category, a topic, or both?
-- Grain: one row per outcome, by meeting date (undated last).
-- params: category=, topic=
-- category: e.g. commitment, dialogue_mechanism; topic: its label, any letter case.
with src_outcomes as (
    select * from v_outcomes
),

src_meetings as (
    select meeting_id, start_date, title from v_meetings
),

final as (
    select
        src_outcomes.outcome_id,
        src_meetings.start_date,
        src_meetings.title as meeting,
        src_outcomes.description,
        src_outcomes.category,
        src_outcomes.status,
        src_outcomes.topic,
        src_outcomes.document_name
    from src_outcomes
    inner join src_meetings on src_meetings.meeting_id = src_outcomes.meeting_id
    where (
        cast(:category as text) is null
        or src_outcomes.category = cast(:category as text)
    )
    and (
        cast(:topic as text) is null
        or lower(src_outcomes.topic) = lower(cast(:topic as text))
    )
)

select * from final
order by start_date nulls last, outcome_id
