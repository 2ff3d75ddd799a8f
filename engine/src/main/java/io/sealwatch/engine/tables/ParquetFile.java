package io.sealwatch.engine.tables;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes rows of a Spark schema as one Parquet file on the calling thread, without a Spark session or job: the
 * bundle's tables are the break-glass few rows, and a Spark write cost a session and seconds of planning (and on a
 * multi-host cluster put part files where executors, not the driver, could see them). The layout is the one Spark
 * writes and reads back as the same schema: three-level {@code LIST}s ({@code list}/{@code element}), {@code MAP}s
 * ({@code key_value}/{@code key}/{@code value}), a non-nullable field {@code required}, timestamps as
 * {@code INT64 TIMESTAMP(MICROS, UTC)}, dates as {@code INT32 DATE}, and the Spark schema itself in the footer
 * ({@value #SPARK_SCHEMA_KEY}). Compression zstd. Nothing in the file depends on the clock or the machine: the
 * same rows give the same bytes (the footer's {@code created_by} names the Parquet library's version).
 *
 * <p>Values are what {@code spark.createDataFrame(rows, schema)} takes: {@link String}, {@link Long},
 * {@link Boolean}, {@link Timestamp}, {@link Date}, {@link List}, {@link Map} and {@link Row} for a struct.
 */
public final class ParquetFile {
    /** The footer key under which Spark keeps a table's schema, and reads it back from. */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private ParquetFile() {
    }

    /** Writes {@code rows} in their order as {@code file}, replacing it. */
    public static void write(StructType schema, List<Row> rows, Path file) throws IOException {
        MessageType message = new MessageType("spark_schema", fields(schema));
        try (ParquetWriter<Row> w = new Builder(new LocalOutputFile(file), schema, message)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (Row r : rows) {
                w.write(r);
            }
        }
    }

    private static List<Type> fields(StructType struct) {
        List<Type> out = new ArrayList<>();
        for (StructField f : struct.fields()) {
            out.add(type(f.dataType(), f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED, f.name()));
        }
        return out;
    }

    private static Type type(DataType t, Repetition rep, String name) {
        if (t instanceof StructType s) {
            return new GroupType(rep, name, fields(s));
        }
        if (t instanceof ArrayType a) {
            Type element = type(a.elementType(), a.containsNull() ? Repetition.OPTIONAL : Repetition.REQUIRED, "element");
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(new GroupType(Repetition.REPEATED, "list", element)).named(name);
        }
        if (t instanceof MapType m) {
            Type key = type(m.keyType(), Repetition.REQUIRED, "key");
            Type value = type(m.valueType(), m.valueContainsNull() ? Repetition.OPTIONAL : Repetition.REQUIRED, "value");
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.mapType())
                    .addField(new GroupType(Repetition.REPEATED, "key_value", key, value)).named(name);
        }
        if (t.equals(DataTypes.StringType)) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
        }
        if (t.equals(DataTypes.LongType)) {
            return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
        }
        if (t.equals(DataTypes.BooleanType)) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
        }
        if (t.equals(DataTypes.TimestampType)) {
            return Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
        }
        if (t.equals(DataTypes.DateType)) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(name);
        }
        throw new IllegalArgumentException("column " + name + ": type " + t.simpleString() + " is not written");
    }

    /** Microseconds since the epoch, as Spark stores a timestamp (sub-microsecond digits dropped, toward the past). */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final StructType schema;
        private final MessageType message;

        Builder(OutputFile file, StructType schema, MessageType message) {
            super(file);
            this.schema = schema;
            this.message = message;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema, message);
        }
    }

    /** Hands each row to Parquet's record consumer, field by field; a null value is a missing field. */
    private static final class RowWriteSupport extends WriteSupport<Row> {
        private final StructType schema;
        private final MessageType message;
        private RecordConsumer out;

        RowWriteSupport(StructType schema, MessageType message) {
            this.schema = schema;
            this.message = message;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(message, Map.of(SPARK_SCHEMA_KEY, schema.json()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Row row) {
            out.startMessage();
            fieldsOf(schema, row);
            out.endMessage();
        }

        private void fieldsOf(StructType struct, Row row) {
            StructField[] fields = struct.fields();
            for (int i = 0; i < fields.length; i++) {
                Object v = row.get(i);
                if (v == null) {
                    if (!fields[i].nullable()) {
                        throw new IllegalArgumentException("column " + fields[i].name() + " is null in " + row);
                    }
                    continue;
                }
                out.startField(fields[i].name(), i);
                value(fields[i].dataType(), v);
                out.endField(fields[i].name(), i);
            }
        }

        private void value(DataType t, Object v) {
            if (t instanceof StructType s) {
                out.startGroup();
                fieldsOf(s, (Row) v);
                out.endGroup();
            } else if (t instanceof ArrayType a) {
                list(a, (List<?>) v);
            } else if (t instanceof MapType m) {
                map(m, (Map<?, ?>) v);
            } else if (v instanceof String s) {
                out.addBinary(Binary.fromString(s));
            } else if (v instanceof Long l) {
                out.addLong(l);
            } else if (v instanceof Boolean b) {
                out.addBoolean(b);
            } else if (v instanceof Timestamp ts) {
                out.addLong(micros(ts.toInstant()));
            } else if (v instanceof Date d) {
                out.addInteger(Math.toIntExact(d.toLocalDate().toEpochDay()));
            } else {
                throw new IllegalArgumentException("a " + v.getClass().getName() + " for a column of " + t.simpleString());
            }
        }

        private void list(ArrayType type, List<?> items) {
            out.startGroup();
            if (!items.isEmpty()) {
                out.startField("list", 0);
                for (Object item : items) {
                    out.startGroup();
                    if (item != null) {
                        out.startField("element", 0);
                        value(type.elementType(), item);
                        out.endField("element", 0);
                    }
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
        }

        private void map(MapType type, Map<?, ?> entries) {
            out.startGroup();
            if (!entries.isEmpty()) {
                out.startField("key_value", 0);
                for (Map.Entry<?, ?> e : entries.entrySet()) {
                    out.startGroup();
                    out.startField("key", 0);
                    value(type.keyType(), e.getKey());
                    out.endField("key", 0);
                    if (e.getValue() != null) {
                        out.startField("value", 1);
                        value(type.valueType(), e.getValue());
                        out.endField("value", 1);
                    }
                    out.endGroup();
                }
                out.endField("key_value", 0);
            }
            out.endGroup();
        }
    }
}
