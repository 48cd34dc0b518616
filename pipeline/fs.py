"""File operations through Hadoop's FileSystem API, so run directories can live on any URI
(``file://``, ``hdfs://``, ``s3a://``) that Spark itself can write: no local-only file API sits in the
data path. Small metadata files (completion records, run.json) go through here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


def read_parquet(spark: SparkSession, uri: str) -> DataFrame | None:
    """The Parquet dataset at ``uri``; None when it holds no data file. A partitioned write of no rows
    (export's shards by domain, in a run that curates nothing) leaves only Spark's ``_SUCCESS`` marker,
    from which Spark cannot infer a schema."""
    from pyspark.errors import AnalysisException

    try:
        return spark.read.parquet(uri)
    except AnalysisException as e:
        if e.getCondition() == "UNABLE_TO_INFER_SCHEMA":
            return None
        raise


class HadoopFS:
    def __init__(self, spark: SparkSession) -> None:
        sc = spark.sparkContext
        self._jvm: Any = sc._jvm  # type: ignore[attr-defined]
        self._conf: Any = sc._jsc.hadoopConfiguration()  # type: ignore[union-attr]

    def _path(self, uri: str) -> tuple[Any, Any]:
        p = self._jvm.org.apache.hadoop.fs.Path(uri)
        return p.getFileSystem(self._conf), p

    def exists(self, uri: str) -> bool:
        fs, p = self._path(uri)
        return bool(fs.exists(p))

    def delete(self, uri: str) -> None:
        fs, p = self._path(uri)
        if fs.exists(p):
            fs.delete(p, True)

    def mkdirs(self, uri: str) -> None:
        fs, p = self._path(uri)
        fs.mkdirs(p)

    def rename(self, src: str, dst: str) -> None:
        """Move ``src`` to ``dst`` (which must not exist); parents of ``dst`` are created."""
        fs, s = self._path(src)
        _, d = self._path(dst)
        fs.mkdirs(d.getParent())
        if not fs.rename(s, d):
            raise OSError(f"could not rename {src} to {dst}")

    def write_text(self, uri: str, text: str) -> None:
        """Write aside, then rename into place, so readers never see half a file."""
        fs, p = self._path(uri)
        tmp = self._jvm.org.apache.hadoop.fs.Path(uri + ".tmp")
        out = fs.create(tmp, True)
        try:
            out.write(bytearray(text.encode("utf-8")))
        finally:
            out.close()
        if fs.exists(p):
            fs.delete(p, False)
        if not fs.rename(tmp, p):
            raise OSError(f"could not move {tmp} to {uri}")

    def put(self, local_path: str, uri: str) -> None:
        """Copy a local file to ``uri`` (any Hadoop file system), replacing it."""
        fs, p = self._path(uri)
        fs.mkdirs(p.getParent())
        fs.copyFromLocalFile(False, True, self._jvm.org.apache.hadoop.fs.Path(f"file://{local_path}"), p)

    def read_text(self, uri: str) -> str | None:
        fs, p = self._path(uri)
        if not fs.exists(p):
            return None
        stream = fs.open(p)
        try:
            data = self._jvm.org.apache.commons.io.IOUtils.toByteArray(stream)
        finally:
            stream.close()
        return bytes(data).decode("utf-8")

    def du(self, uri: str) -> int:
        """Bytes of the files under ``uri`` (0 when it does not exist)."""
        fs, p = self._path(uri)
        return int(fs.getContentSummary(p).getLength()) if fs.exists(p) else 0

    def glob_files(self, pattern: str) -> list[tuple[str, int]]:
        """Files matching a glob (directories are listed recursively), with their sizes.

        Unlike Spark's file readers this sees zero-byte files, which the ingest must report instead
        of skipping. Hidden files (``.*``, ``_*``) are ignored, as Spark does.
        """
        fs, p = self._path(pattern)
        statuses = fs.globStatus(p) or []
        found: list[tuple[str, int]] = []
        for st in statuses:
            if st.isFile():
                found.append((st.getPath().toString(), int(st.getLen())))
                continue
            it = fs.listFiles(st.getPath(), True)
            while it.hasNext():
                f = it.next()
                found.append((f.getPath().toString(), int(f.getLen())))
        return sorted((u, n) for u, n in found if not u.rsplit("/", 1)[-1].startswith((".", "_")))
