-- Which meetings took place in a date range?
-- Grain: one row per dated meeting from since to until (ISO dates, both
-- optional and inclusive; a meeting of several days counts if any day is in range).
-- params: since= (date), until= (date)
with src_meetings as (
    select * from v_meetings
),

final as (
    select
        meeting_id,
        start_date,
        end_date,
        title,
        kind,
        status,
        city,
        country,
        source_count
    from src_meetings
    where start_date is not null
        and (
            cast(:since as text) is null
            or coalesce(end_date, start_date) >= cast(:since as text)
        )
        and (cast(:until as text) is null or start_date <= cast(:until as text))
)

select * from final
order by start_date nulls last, meeting_id
