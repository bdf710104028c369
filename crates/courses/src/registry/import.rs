//! Reading a registry file: CSV (UTF-8, with or without a byte-order mark) or XLSX (the first
//! sheet), a header row naming the columns in Chinese or English, then one resident per row.

use std::io::Cursor;

use chrono::NaiveDate;
use infra::{AppError, AppResult};

/// Rows per file: a community's registry in one go, not a denial of service.
pub const MAX_ROWS: usize = 5000;
/// Bytes per file.
pub const MAX_BYTES: usize = 4 << 20;

/// One row as read; `birth_date` is `Err` when the cell is not a date.
#[derive(Debug, Clone)]
pub struct RawRow {
    /// The row's number in the file, the header being 1.
    pub line: usize,
    pub name: String,
    pub birth_date: Option<Result<NaiveDate, ()>>,
    pub courtyard: Option<String>,
    pub phone: Option<String>,
}

fn refused(zh: &str, en: &str) -> AppError {
    AppError::bad_input(zh.to_string(), en.to_string())
}

/// Which column holds what, from the header row.
struct Columns {
    name: usize,
    birth: Option<usize>,
    courtyard: Option<usize>,
    phone: Option<usize>,
}

impl Columns {
    fn from_header(header: &[String]) -> AppResult<Columns> {
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
        };
        Ok(Columns {
            name: find(&["姓名", "name"]).ok_or_else(|| {
                refused(
                    "第一行须为表头，且含“姓名”一列",
                    "The first row must be a header with a “name” (姓名) column",
                )
            })?,
            birth: find(&["出生日期", "生日", "birth_date", "birthdate"]),
            courtyard: find(&["院落", "网格", "院落/网格", "courtyard", "grid"]),
            phone: find(&["手机号", "手机", "电话", "phone"]),
        })
    }
}

fn date_text(s: &str) -> Result<NaiveDate, ()> {
    let s = s.trim();
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .ok_or(())
}

fn nonempty(s: Option<&String>) -> Option<String> {
    s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// Rows from (line number, cells) records, the first being the header; `dates` holds the
/// date cells of a spreadsheet by record index.
fn rows_from(
    records: Vec<(usize, Vec<String>)>,
    dates: Vec<Vec<Option<NaiveDate>>>,
) -> AppResult<Vec<RawRow>> {
    let mut it = records.into_iter().enumerate();
    let Some((_, (_, header))) = it.next() else {
        return Err(refused("文件是空的", "The file is empty"));
    };
    let cols = Columns::from_header(&header)?;
    let mut rows = Vec::new();
    for (i, (line, r)) in it {
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(refused(
                "一次最多导入 5000 行",
                "At most 5,000 rows per import",
            ));
        }
        let date_cell = cols
            .birth
            .and_then(|b| dates.get(i).and_then(|d| d.get(b).copied().flatten()));
        rows.push(RawRow {
            line,
            name: r.get(cols.name).cloned().unwrap_or_default(),
            birth_date: match date_cell {
                Some(d) => Some(Ok(d)),
                None => nonempty(cols.birth.and_then(|b| r.get(b))).map(|s| date_text(&s)),
            },
            courtyard: nonempty(cols.courtyard.and_then(|c| r.get(c))),
            phone: nonempty(cols.phone.and_then(|c| r.get(c))),
        });
    }
    Ok(rows)
}

fn csv_rows(bytes: &[u8]) -> AppResult<Vec<RawRow>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        refused(
            "CSV 文件须为 UTF-8 编码（可在表格软件中另存为“CSV UTF-8”）",
            "The CSV file must be UTF-8 (save as “CSV UTF-8”)",
        )
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for r in reader.records() {
        let r = r.map_err(|_| refused("CSV 文件格式不正确", "The CSV file is malformed"))?;
        // Blank lines are skipped by the reader (and not counted by its line numbers): the
        // line is counted from the record's byte offset.
        let mut at = r
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(text.len());
        // The reader's position is where it began reading: before the skipped blank lines.
        while matches!(text.as_bytes().get(at), Some(b'\n' | b'\r')) {
            at += 1;
        }
        let line = text.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        let cells = r
            .iter()
            .map(infra::input::clean_text)
            .collect::<Result<Vec<_>, _>>()?;
        records.push((line, cells));
    }
    rows_from(records, Vec::new())
}

fn xlsx_rows(bytes: &[u8]) -> AppResult<Vec<RawRow>> {
    use calamine::{Data, Reader, Xlsx};
    let bad = || refused("XLSX 文件无法读取", "The XLSX file cannot be read");
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| bad())?;
    let sheet = book
        .worksheet_range_at(0)
        .ok_or_else(bad)?
        .map_err(|_| bad())?;
    let mut records = Vec::new();
    let mut dates = Vec::new();
    let first = sheet.start().map_or(0, |(row, _)| row as usize);
    for (i, row) in sheet.rows().enumerate() {
        let mut texts = Vec::with_capacity(row.len());
        let mut ds = Vec::with_capacity(row.len());
        for cell in row {
            let (t, d) = match cell {
                Data::DateTime(dt) => (String::new(), dt.as_datetime().map(|x| x.date())),
                Data::Float(f) if f.fract() == 0.0 => (format!("{}", *f as i64), None),
                Data::Empty => (String::new(), None),
                other => (other.to_string(), None),
            };
            texts.push(infra::input::clean_text(&t)?);
            ds.push(d);
        }
        records.push((first + i + 1, texts));
        dates.push(ds);
    }
    rows_from(records, dates)
}

/// Read a file: XLSX when it is a zip archive, CSV otherwise.
pub fn parse(bytes: &[u8]) -> AppResult<Vec<RawRow>> {
    if bytes.len() > MAX_BYTES {
        return Err(refused(
            "文件不能超过 4 MB",
            "The file must be at most 4 MB",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        xlsx_rows(bytes)
    } else {
        csv_rows(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_a_bom_chinese_headers_and_a_bad_date() {
        let f = "\u{feff}姓名,出生日期,院落,手机号\n王秀英,1948/3/5,花园颐院,138 1234 5678\n\n李四,昨天,,\n";
        let rows = parse(f.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(
            rows[0].birth_date,
            Some(Ok(NaiveDate::from_ymd_opt(1948, 3, 5).unwrap()))
        );
        assert_eq!(rows[0].courtyard.as_deref(), Some("花园颐院"));
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].birth_date, Some(Err(())));
        assert!(
            parse("手机号\n13812345678\n".as_bytes()).is_err(),
            "no name column"
        );
        assert!(parse(b"\xff\xfe").is_err(), "not UTF-8");
    }
}
