-- On which facts do a meeting's sources disagree, and which value did the meeting keep?
-- Grain: one row per meeting, field, source (document) and value of a
-- disagreement (its first span): a field (date, city, country, venue, status)
-- for which the meeting's sources report two or more values; and one row per
-- date a source gave that the loader had to correct (date_conflicts: a wrong
-- year, a day the calendar knew, or dropped), at its span.
-- value: what the source says; chosen_value: what the meeting row carries;
-- rule: how that value was chosen.
with src_meetings as (
    select * from meetings
),

mentions as (
    select * from meeting_mentions
),

src_documents as (
    select id, name from documents
),

src_date_conflicts as (
    select * from date_conflicts
),

reported as (
    -- each mention's facts as text, one row per field
    select meeting_id, document_id, char_start, char_end, 'date' as field,
        cast(reported_date as varchar(10)) as value
    from mentions
    union all
    select meeting_id, document_id, char_start, char_end, 'city', city from mentions
    union all
    select meeting_id, document_id, char_start, char_end, 'country', country from mentions
    union all
    select meeting_id, document_id, char_start, char_end, 'venue', venue from mentions
    union all
    select meeting_id, document_id, char_start, char_end, 'status', reported_status
    from mentions
),

per_source as (
    -- a source's value of a field, at its first span
    select meeting_id, field, document_id, value, min(char_start) as char_start
    from reported
    where value is not null
    group by meeting_id, field, document_id, value
),

disputed as (
    select meeting_id, field
    from per_source
    group by meeting_id, field
    having count(distinct value) > 1
),

spans as (
    select reported.meeting_id, reported.field, reported.document_id, reported.value,
        reported.char_start, min(reported.char_end) as char_end
    from reported
    inner join per_source
        on per_source.meeting_id = reported.meeting_id
        and per_source.field = reported.field
        and per_source.document_id = reported.document_id
        and per_source.value = reported.value
        and per_source.char_start = reported.char_start
    group by reported.meeting_id, reported.field, reported.document_id, reported.value,
        reported.char_start
),

disagreements as (
    select
        spans.meeting_id,
        spans.field,
        spans.document_id,
        spans.value,
        spans.char_start,
        spans.char_end,
        case spans.field
            when 'date' then cast(src_meetings.start_date as varchar(10))
            when 'city' then src_meetings.city
            when 'country' then src_meetings.country
            when 'venue' then src_meetings.venue
            else src_meetings.status
        end as chosen_value,
        case spans.field
            when 'date' then 'a held report over a planned one, then the earliest day'
            when 'status' then 'held over planned over cancelled'
            else 'the first source that names it'
        end as rule
    from spans
    inner join disputed
        on disputed.meeting_id = spans.meeting_id and disputed.field = spans.field
    inner join src_meetings on src_meetings.id = spans.meeting_id
),

corrected_dates as (
    select
        src_date_conflicts.meeting_id,
        'date' as field,
        src_date_conflicts.document_id,
        coalesce(cast(src_date_conflicts.parsed_date as varchar(10)), src_date_conflicts.date_text)
            as value,
        src_date_conflicts.char_start,
        src_date_conflicts.char_end,
        cast(src_meetings.start_date as varchar(10)) as chosen_value,
        'date ' || src_date_conflicts.resolution || ': ' || src_date_conflicts.reason as rule
    from src_date_conflicts
    left join src_meetings on src_meetings.id = src_date_conflicts.meeting_id
),

final as (
    select
        facts.meeting_id,
        facts.field,
        src_documents.name as document_name,
        facts.value,
        facts.char_start,
        facts.char_end,
        facts.chosen_value,
        facts.rule
    from (
        select * from disagreements
        union all
        select * from corrected_dates
    ) as facts
    inner join src_documents on src_documents.id = facts.document_id
)

select * from final
