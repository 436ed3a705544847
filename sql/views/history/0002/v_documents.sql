-- Which documents were ingested, from which outlet and date, and did they load?
-- Grain: one row per document (file), whatever its status (loaded, failed, skipped).
with src_documents as (
    select * from documents
),

final as (
    select
        id as document_id,
        name as document_name,
        title,
        outlet,
        author,
        cast(published_date as varchar(10)) as published_date,
        language,
        status,
        error,
        extractor_version,
        sha256
    from src_documents
)

select * from final
