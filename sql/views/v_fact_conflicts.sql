-- On which facts do a meeting's sources disagree, and which value did the meeting keep?
-- Grain: one row per meeting, field, source (document) and value of a
-- disagreement (its first span): a field (date, city, country, venue, status)
-- for which the meeting's sources report two or more values; one row per date a
-- source gave that the loader had to correct (date_conflicts: a wrong year, a
-- day the calendar knew, or dropped), at its span; and, for a meeting both
-- governments' own documents report (official_sources), one row per official
-- source of an outcome only one side reports (field outcome, rule one_sided)
-- and of a participant only one side's documents name (field participant);
-- and one row per source and status of an outcome its sources report as agreed
-- and as only discussed (field outcome_status, at the span that reports it).
-- value: what the source says; chosen_value: what the meeting row carries;
-- rule: how that value was chosen. A source's date is the one its strongest
-- evidence gives (its own words, then an earlier sentence, its dateline, the
-- calendar), and any of its days the meeting carries: a story that says
-- "Thursday" is not at odds with itself because an earlier sentence took the
-- dateline's day.
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

src_outcomes as (
    select * from outcomes
),

src_outcome_mentions as (
    select * from outcome_mentions
),

src_participants as (
    select * from meeting_participants
),

src_persons as (
    select id, canonical_name from persons
),

src_person_mentions as (
    select document_id, char_start, char_end from person_mentions
),

documents_meta as (
    select id, url, outlet from documents
),

rules as (
    select * from official_sources
),

date_ranked as (
    select
        meeting_id, document_id, char_start, char_end, reported_date,
        case date_source
            when 'text' then 1
            when 'context' then 2
            when 'dateline' then 3
            when 'calendar' then 4
            else 5
        end as date_rank
    from mentions
    where reported_date is not null
),

best_dated as (
    -- each source's strongest evidence of the meeting's day
    select meeting_id, document_id, min(date_rank) as date_rank
    from date_ranked
    group by meeting_id, document_id
),

dated as (
    -- a source's strongest day, and any of its days the meeting carries (so
    -- the day kept is always shown when it is disputed)
    select date_ranked.*
    from date_ranked
    inner join best_dated
        on best_dated.meeting_id = date_ranked.meeting_id
        and best_dated.document_id = date_ranked.document_id
    inner join src_meetings on src_meetings.id = date_ranked.meeting_id
    where date_ranked.date_rank = best_dated.date_rank
        or date_ranked.reported_date = src_meetings.start_date
),

reported as (
    -- each mention's facts as text, one row per field
    select meeting_id, document_id, char_start, char_end, 'date' as field,
        cast(reported_date as varchar(10)) as value
    from dated
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

official as (
    -- each document that is a government's own words, and whose
    select distinct documents_meta.id as document_id, rules.side
    from documents_meta
    inner join rules
        on (
            rules.kind = 'host'
            and (
                lower(documents_meta.url) like '%' || rules.pattern || '/%'
                or lower(documents_meta.url) like '%' || rules.pattern
            )
        )
        or (
            rules.kind = 'outlet'
            and lower(documents_meta.outlet) like '%' || lower(rules.pattern) || '%'
        )
),

two_sided as (
    -- meetings reported by both governments' own documents
    select mentions.meeting_id
    from mentions
    inner join official on official.document_id = mentions.document_id
    group by mentions.meeting_id
    having count(distinct official.side) > 1
),

official_reports as (
    select src_outcomes.id as outcome_id, src_outcomes.meeting_id, official.side,
        src_outcome_mentions.document_id, src_outcome_mentions.char_start, src_outcome_mentions.char_end
    from src_outcomes
    inner join two_sided on two_sided.meeting_id = src_outcomes.meeting_id
    inner join src_outcome_mentions on src_outcome_mentions.outcome_id = src_outcomes.id
    inner join official on official.document_id = src_outcome_mentions.document_id
),

one_side_only as (
    select outcome_id, min(side) as side
    from official_reports
    group by outcome_id
    having count(distinct side) = 1
),

first_reports as (
    -- an official source's first span reporting the outcome
    select outcome_id, document_id, min(char_start) as char_start
    from official_reports
    group by outcome_id, document_id
),

one_sided as (
    select
        src_outcomes.meeting_id,
        'outcome' as field,
        first_reports.document_id,
        src_outcomes.description as value,
        first_reports.char_start,
        min(official_reports.char_end) as char_end,
        src_outcomes.status as chosen_value,
        'one_sided: only the ' || one_side_only.side || ' side''s own documents report it' as rule
    from first_reports
    inner join one_side_only on one_side_only.outcome_id = first_reports.outcome_id
    inner join src_outcomes on src_outcomes.id = first_reports.outcome_id
    inner join official_reports
        on official_reports.outcome_id = first_reports.outcome_id
        and official_reports.document_id = first_reports.document_id
        and official_reports.char_start = first_reports.char_start
    group by src_outcomes.meeting_id, first_reports.document_id, src_outcomes.description,
        first_reports.char_start, src_outcomes.status, one_side_only.side
),

official_namings as (
    -- who each official source of a two-sided meeting names as taking part (by
    -- name at that span: not a visit's host the resolver inferred)
    select src_participants.meeting_id, src_participants.person_id, official.side,
        src_participants.document_id, src_participants.char_start, src_participants.char_end
    from src_participants
    inner join two_sided on two_sided.meeting_id = src_participants.meeting_id
    inner join official on official.document_id = src_participants.document_id
    inner join src_person_mentions
        on src_person_mentions.document_id = src_participants.document_id
        and src_person_mentions.char_start = src_participants.char_start
        and src_person_mentions.char_end = src_participants.char_end
),

named_by_one_side as (
    select meeting_id, person_id, min(side) as side
    from official_namings
    group by meeting_id, person_id
    having count(distinct side) = 1
),

one_sided_people as (
    -- a source names a person once per meeting (meeting_participants' key)
    select
        official_namings.meeting_id,
        'participant' as field,
        official_namings.document_id,
        src_persons.canonical_name as value,
        official_namings.char_start,
        official_namings.char_end,
        src_persons.canonical_name as chosen_value,
        'one_sided: only the ' || named_by_one_side.side || ' side''s own documents name them'
            as rule
    from official_namings
    inner join named_by_one_side
        on named_by_one_side.meeting_id = official_namings.meeting_id
        and named_by_one_side.person_id = official_namings.person_id
    inner join src_persons on src_persons.id = official_namings.person_id
),

outcome_statuses as (
    -- what each source says of an outcome, at its first span saying so
    select outcome_id, document_id, reported_status as value, min(char_start) as char_start
    from src_outcome_mentions
    where reported_status is not null
    group by outcome_id, document_id, reported_status
),

disputed_outcomes as (
    select outcome_id
    from outcome_statuses
    group by outcome_id
    having count(distinct value) > 1
),

outcome_status_rows as (
    select
        src_outcomes.meeting_id,
        'outcome_status' as field,
        outcome_statuses.document_id,
        outcome_statuses.value,
        outcome_statuses.char_start,
        min(src_outcome_mentions.char_end) as char_end,
        src_outcomes.status as chosen_value,
        'agreed over discussed: a source that reports the agreement' as rule
    from outcome_statuses
    inner join disputed_outcomes on disputed_outcomes.outcome_id = outcome_statuses.outcome_id
    inner join src_outcomes on src_outcomes.id = outcome_statuses.outcome_id
    inner join src_outcome_mentions
        on src_outcome_mentions.outcome_id = outcome_statuses.outcome_id
        and src_outcome_mentions.document_id = outcome_statuses.document_id
        and src_outcome_mentions.char_start = outcome_statuses.char_start
    group by src_outcomes.meeting_id, outcome_statuses.document_id, outcome_statuses.value,
        outcome_statuses.char_start, src_outcomes.status
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
        union all
        select * from one_sided
        union all
        select * from one_sided_people
        union all
        select * from outcome_status_rows
    ) as facts
    inner join src_documents on src_documents.id = facts.document_id
)

select * from final
