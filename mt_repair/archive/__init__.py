"""`mt-repair archive`: check a whole archive (a folder, JSONL or Parquet) on Dask.

- `sources`: what an archive is made of and how it is cut into batches of articles;
  the client only lists and measures, the workers read.
- `job`: what one worker does with one batch (check, pair-check, fix), and the client
  loop that keeps the cluster busy and writes results in input order.
- `output`: findings (Parquet or JSONL), errors, fixed texts and the summaries.
- `command`: the subcommand's options and run.

Nothing here is imported by `check`: Dask and pyarrow load only for this command.
"""
