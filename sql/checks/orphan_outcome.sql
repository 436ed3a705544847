-- Rule: every outcome belongs to an existing meeting and is reported by a document.
-- Grain: one row per outcome without its meeting or without a source.
with src_outcomes as (
    select id, meeting_id, description from outcomes
),

src_meetings as (
    select id from meetings
),

mentions as (
    select distinct outcome_id from outcome_mentions
),

final as (
    select src_outcomes.id, src_outcomes.meeting_id, src_outcomes.description
    from src_outcomes
    left join src_meetings on src_meetings.id = src_outcomes.meeting_id
    left join mentions on mentions.outcome_id = src_outcomes.id
    where src_meetings.id is null or mentions.outcome_id is null
)

select * from final
order by id
